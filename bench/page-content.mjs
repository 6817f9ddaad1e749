/**
 * A realistic live page for bench/page.mjs, as an import document (src/domain/export.ts):
 * a fictional election-night story with N posts — bylines, 2–4 paragraphs with **bold**,
 * _italic_ and links, and now and then a list, a quote, an image with a caption and
 * credit, a heading; labels, key events and one pinned post. Deterministic: the same N
 * and seed give the same page (only the times move with `now`).
 */

/** mulberry32: small, fast, seedable. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PEOPLE = [
  { name: 'Helena Marsh', role: 'Political editor' },
  { name: 'Daniel Okoro', role: 'Reporting from the count in Eastbrook' },
  { name: 'Sofia Lindqvist', role: 'Data journalist' },
  { name: 'Marcus Bell', role: 'Live page editor' },
  { name: 'Aisha Rahman', role: 'Reporting from Westmere' },
  { name: 'Tom Whitfield', role: 'Chief political correspondent' },
  { name: 'Grace Nakamura', role: 'Economics correspondent' },
  { name: 'Owen Price', role: 'Reporting from party headquarters' },
];

const PLACES = ['Eastbrook', 'Westmere', 'Port Aldwick', 'Hollins Cross', 'Saltmarsh', 'Kingsford North', 'Aldridge Vale', 'Thornbury', 'Millbank East', 'Carrow Heath'];
const PARTIES = ['the Progressive Alliance', 'the National Party', 'the Greens', 'the Liberal Reform group', 'the Coast & Country party'];
const NAMES = ['Rachel Dunmore', 'Peter Salas', 'Imogen Fry', 'Kwame Asante', 'Lucy Harrow', 'Victor Ilesanmi', 'Bridget Quayle', 'Samir Haddad'];

const OPENERS = [
  '**{place}** has declared, and it is a {adj} result for {party}: {name} wins with a majority of {num}, on a turnout of {pct}%.',
  'The count in {place} has been suspended for a recount after the margin between the top two candidates came in at just {small} votes.',
  'Turnout figures are now in for {count} of the {total} constituencies, and the picture is {adj}: an average of {pct}%, down on the last election.',
  '{name}, who has held {place} for {years} years, has conceded in a short speech at the count, thanking volunteers and congratulating the winner.',
  "We're getting the first sense of how {party} is performing in the suburban seats, and the early signs are {adj} for them.",
  'Officials in {place} say ballot boxes from the outlying villages arrived later than expected because of the weather, pushing the declaration back by about an hour.',
];
const MIDDLES = [
  'That is a swing of {swing} points since the last election, bigger than any poll in the final week suggested. If it were repeated across the country, {party} would be on course for a working majority.',
  'Our [results tracker](https://example.org/results/{slug}) has the full breakdown by candidate, and you can compare every seat with the last election on the [interactive map](https://example.org/map).',
  'Party sources had been quietly downplaying expectations here all week, pointing to the boundary changes that moved about {num} voters into the neighbouring seat of {place2}.',
  'The returning officer said the delay was "entirely procedural" and that there was _no suggestion_ of any irregularity. Counting staff have been working since 10pm.',
  'Turnout was notably higher in wards with large student populations, which fits the pattern we have seen in {place2} and {place3} earlier tonight.',
  '**{name}** told our reporter at the count that the result was "a vote for change on the doorstep, not in Westminster", and promised to hold a surgery in the constituency within a week.',
  'In the last election this seat was decided by {small} votes, and both campaigns poured volunteers into it over the final weekend. Leaflets from {party} were still being delivered on polling day.',
  'The exit poll suggested this was one of the seats most likely to change hands, and it has — though by a wider margin than the model predicted.',
];
const CLOSERS = [
  "We'll bring you reaction from the other candidates as soon as we have it.",
  'Stay with us: {count} more declarations are expected in the next hour, including {place2}.',
  'For a reminder of how the count works, read our [explainer on election night](https://example.org/explainers/count).',
  'Our data team is updating the [seat projection](https://example.org/projection) after every declaration.',
  '_This post was updated with the final turnout figure._',
];
const TITLES = [
  '{party} gains {place} on a {swing}-point swing',
  'Recount ordered in {place}',
  '{name} concedes in {place}',
  'Turnout down in early declarations',
  'What the exit poll got right — and wrong — so far',
  '{place}: {party} holds on with a reduced majority',
  'Weather delays ballot boxes in {place}',
  'Markets react to the early results',
  'Analysis: why the suburbs matter tonight',
  'Reaction from {party} headquarters',
  '{count} seats declared: where things stand',
  'First-time voters: what they told us in {place}',
];
const QUOTES = [
  'People here have told us all summer that they felt ignored. Tonight they have said it at the ballot box, and we will not take that for granted.',
  "It's a disappointing night for us, there's no point pretending otherwise. But the campaign was the right one, and we'll learn from it.",
  'We are not calling anything yet. There are a lot of postal votes still to be verified and the margins in the marginal seats are very tight.',
  "I've been counting votes in this hall for twenty years and I have never seen a turnout like this in the villages.",
];
const LIST_ITEMS = [
  '**{place}**: {party} gain, majority {num}',
  '**{place}**: {party} hold, majority {num}',
  'Turnout so far: {pct}%',
  'Seats still to declare: {count}',
  'Recounts under way in {place} and {place2}',
  'Biggest swing so far: {swing} points in {place}',
  '[Full results](https://example.org/results) and [the map](https://example.org/map)',
];
const CAPTIONS = [
  'Counting staff at the leisure centre in {place} sorting ballot papers shortly after midnight',
  '{name} arriving at the count in {place}',
  'Supporters of {party} watching the results come in',
  'Ballot boxes being carried into the count at {place} town hall',
];
const CREDITS = ['Photo: Jane Corbett / Newsroom Pictures', 'Photo: Amir Tallis', 'Photo: Pool / Reuters-style Agency', 'Photo: Westmere Gazette'];
const LABELS = ['breaking', 'analysis', 'explainer', 'correction'];

export function benchDocument(postCount, { now = new Date(), seed = 20240704, slug = 'bench-election-night' } = {}) {
  const r = rng(seed);
  const pick = (a) => a[Math.floor(r() * a.length)];
  const int = (lo, hi) => lo + Math.floor(r() * (hi - lo + 1));
  const fill = (tpl) =>
    tpl.replace(/\{(\w+)\}/g, (_, k) => {
      switch (k) {
        case 'place': return pick(PLACES);
        case 'place2': return pick(PLACES);
        case 'place3': return pick(PLACES);
        case 'party': return pick(PARTIES);
        case 'name': return pick(NAMES);
        case 'adj': return pick(['striking', 'mixed', 'difficult', 'encouraging', 'surprising']);
        case 'num': return int(800, 18000).toLocaleString('en-GB');
        case 'small': return String(int(12, 240));
        case 'pct': return (55 + r() * 20).toFixed(1);
        case 'count': return String(int(3, 120));
        case 'total': return '650';
        case 'years': return String(int(4, 27));
        case 'swing': return (1 + r() * 11).toFixed(1);
        case 'slug': return pick(PLACES).toLowerCase().replace(/\W+/g, '-');
        default: return k;
      }
    });
  const paragraph = (parts) => ({ type: 'paragraph', text: parts.map(fill).join(' ') });

  const base = Math.floor(now.getTime() / 60_000) * 60_000;
  const pinnedIndex = Math.min(postCount - 1, 3);
  const posts = [];
  for (let i = 0; i < postCount; i++) {
    // Newest first in time: post i is about 3·i minutes old (older posts further apart).
    const minutesAgo = 2 + i * 3 + int(0, 2);
    const at = new Date(base - minutesAgo * 60_000).toISOString();
    const body = [];
    const paras = int(2, 4);
    body.push(paragraph([pick(OPENERS), pick(MIDDLES)]));
    if (r() < 0.12) body.push({ type: 'heading', text: fill(pick(['What happened in {place}', 'The numbers', 'Why it matters'])) });
    for (let p = 1; p < paras; p++) body.push(paragraph(r() < 0.5 ? [pick(MIDDLES), pick(MIDDLES)] : [pick(MIDDLES)]));
    if (r() < 0.2) {
      body.splice(1, 0, {
        type: 'image',
        src: `https://images.example.org/election/${i}-${int(1000, 9999)}.jpg`,
        alt: fill(pick(CAPTIONS)),
        caption: fill(pick(CAPTIONS)),
        credit: pick(CREDITS),
        width: 1600,
        height: 900,
      });
    }
    if (r() < 0.18) body.push({ type: 'list', ordered: r() < 0.3, items: Array.from({ length: int(3, 6) }, () => fill(pick(LIST_ITEMS))) });
    if (r() < 0.15) body.push({ type: 'quote', text: pick(QUOTES), cite: `${pick(NAMES)}, candidate in ${pick(PLACES)}` });
    if (r() < 0.35) body.push({ type: 'paragraph', text: fill(pick(CLOSERS)) });
    const contributors = [pick(PEOPLE)];
    if (r() < 0.25) {
      const second = pick(PEOPLE);
      if (second.name !== contributors[0].name) contributors.push(second);
    }
    const roll = r();
    posts.push({
      title: fill(pick(TITLES)),
      label: roll < 0.1 ? 'breaking' : roll < 0.16 ? pick(LABELS) : null,
      keyEvent: r() < 0.08,
      pinned: i === pinnedIndex,
      contributors,
      body,
      status: 'published',
      createdAt: at,
      publishedAt: at,
      ...(r() < 0.1 ? { editedAt: new Date(base - Math.max(0, minutesAgo - 1) * 60_000).toISOString() } : {}),
    });
  }

  return {
    page: {
      slug,
      title: 'Election night: results as they come in',
      description: 'Live coverage of the general election count, with results, reaction and analysis from every region.',
      timeZone: 'Europe/London',
      locale: 'en-GB',
      summary: [
        '**Exit poll** suggests a hung parliament, with the Progressive Alliance the largest party',
        'Turnout is down on the last election in most early declarations',
        'Recounts are under way in [Eastbrook](https://example.org/results/eastbrook) and Westmere',
        'Results from all 650 constituencies are expected by mid-morning',
      ],
      featuredMedia: {
        type: 'image',
        src: 'https://images.example.org/election/count-hall.jpg',
        alt: 'Counting staff at long tables in a sports hall, sorting ballot papers',
        caption: 'Counting under way in Eastbrook',
        credit: 'Photo: Jane Corbett / Newsroom Pictures',
      },
      state: 'live',
    },
    posts,
  };
}
