/**
 * The demo live page that the first `serve` on an empty database creates (SPEC §3), so
 * that a newcomer sees a working live page at once. The story is fictional throughout:
 * Port Aldwick, Westmere, the storm and everyone quoted are made up. It exercises every
 * feature a reader sees: summary, featured media, a pinned post, labels, key events,
 * bylines, an edited post and every kind of body block.
 */
import type { ImportDocument } from '../domain/export.js';

export const DEMO_SLUG = 'demo-storm-coverage';

type DemoPost = ImportDocument['posts'][number];
type Contributor = DemoPost['contributors'][number];

/** The demo's illustrations live in `public/demo/`, served under `/assets/`. */
const img = (name: string): string => `/assets/demo/${name}.svg`;

const AMIRA: Contributor = { name: 'Amira Okafor', role: 'Weather correspondent' };
const TOM: Contributor = { name: 'Tom Reyes', role: 'Reporting from Port Aldwick' };
const ELEANOR: Contributor = { name: 'Eleanor Pryce', role: 'Live page editor' };
const CALLUM: Contributor = { name: 'Callum Strand', role: 'Transport correspondent' };
const PRIYA: Contributor = { name: 'Priya Venn', role: 'Reporting from the Old Town' };
const JOSS: Contributor = { name: 'Joss Merriman', role: 'Environment analyst' };
const RUTH: Contributor = { name: 'Ruth Adeyemi-Hale', role: 'Local democracy reporter' };

/**
 * The demo page and its posts, timed over the three hours before `now` so that the page
 * looks freshly updated whenever it is created.
 */
export function demoDocument(now: Date): ImportDocument {
  // Whole minutes read better in "published at HH:MM" and in the JSON.
  const base = Math.floor(now.getTime() / 60_000) * 60_000;
  const ago = (minutes: number): string => new Date(base - minutes * 60_000).toISOString();

  const post = (minutesAgo: number, fields: Omit<DemoPost, 'publishedAt' | 'status' | 'keyEvent' | 'pinned' | 'contributors'> & Partial<DemoPost>): DemoPost => ({
    status: 'published',
    keyEvent: false,
    pinned: false,
    contributors: [],
    createdAt: ago(minutesAgo),
    publishedAt: ago(minutesAgo),
    ...fields,
  });

  const posts: DemoPost[] = [
    post(182, {
      title: 'Storm reaches the Westmere coast',
      label: 'breaking',
      keyEvent: true,
      contributors: [AMIRA],
      body: [
        {
          type: 'paragraph',
          text: 'The storm is sweeping in from the south-west, bringing gusts of more than 80mph to the harbour at **Port Aldwick** and torrential rain across the Westmere coast.',
        },
        {
          type: 'paragraph',
          text: 'Forecasters at the Westmere Weather Centre say the strongest winds are expected over the next four to six hours, coinciding with a _very high_ spring tide.',
        },
        {
          type: 'quote',
          text: 'This is the combination we worry about most: storm-force winds pushing water against a high tide. People on the seafront need to take it seriously.',
          cite: 'Osman Reid, chief forecaster, Westmere Weather Centre',
        },
      ],
    }),

    post(176, {
      title: 'How to stay safe: emergency numbers and advice',
      pinned: true,
      contributors: [ELEANOR],
      editedAt: ago(170),
      body: [
        {
          type: 'paragraph',
          text: 'If you live in or near Port Aldwick, here is what the emergency services are asking you to do. We will keep this post up to date.',
        },
        { type: 'heading', text: 'Useful numbers' },
        {
          type: 'list',
          ordered: false,
          items: [
            'In an emergency, where life is at risk: **999**',
            'Westmere Floodline: **0808 157 0192** (open 24 hours)',
            'Power cuts, Coastline Power Networks: **0808 157 0455**',
            'Westmere Council storm helpline: **01632 960 318**',
          ],
        },
        { type: 'heading', text: 'If water is coming into your home' },
        {
          type: 'list',
          ordered: true,
          items: [
            'Turn off gas, electricity and water at the mains, _if it is safe to do so_.',
            'Move people, pets, medicines and important documents upstairs.',
            'Do not walk or drive through flood water: 30cm of moving water can float a car.',
            'Check on neighbours who may need help, especially older people.',
          ],
        },
        {
          type: 'paragraph',
          text: 'The council has published a [live map of road closures and flood alerts](https://example.org/westmere/flood-map).',
        },
      ],
    }),

    post(166, {
      title: 'Waves crash over harbour wall as seafront is evacuated',
      contributors: [TOM],
      body: [
        {
          type: 'paragraph',
          text: 'I am standing at the top of Quay Street, about as close to the harbour as police will now let anyone go. Every minute or so a wave breaks clean over the harbour wall and sends spray the height of a house across the promenade.',
        },
        {
          type: 'paragraph',
          text: 'Officers have gone door to door along **Marine Parade**, asking about 300 residents to leave their homes for the night.',
        },
        {
          type: 'quote',
          text: "I've run this café for 31 years and I've never seen the sea come up this far. We've sandbagged what we can. Now we just wait.",
          cite: 'Jean Tully, seafront café owner',
        },
      ],
    }),

    post(153, {
      title: 'Where is the storm heading?',
      label: 'explainer',
      contributors: [AMIRA],
      body: [
        {
          type: 'paragraph',
          text: 'The storm is tracking north-east at about 40mph. Its centre is expected to pass just off Port Aldwick in the next few hours, then cross the coast near Hollins Cove and move inland across Westmere.',
        },
        {
          type: 'image',
          src: img('storm-track-map'),
          alt: 'Map of the Westmere coast showing the storm track passing close to Port Aldwick and heading north-east',
          caption: 'The expected track of the storm over the next 12 hours',
          credit: 'Westmere Weather Centre',
        },
        {
          type: 'list',
          ordered: false,
          items: [
            '**Wind:** gusts of 70–90mph on exposed coasts, 50–60mph inland',
            '**Rain:** 60–80mm on high ground, falling on already saturated soil',
            '**Tides:** the next high tide brings the greatest risk of coastal flooding',
          ],
        },
        {
          type: 'paragraph',
          text: 'You can follow the latest forecast on the [Westmere Weather Centre website](https://weather.example.com/westmere).',
        },
      ],
    }),

    post(141, {
      title: 'Coast line trains suspended and bridge closed',
      contributors: [CALLUM],
      body: [
        {
          type: 'paragraph',
          text: 'No trains are running between Port Aldwick and Saltmarsh after debris was blown on to the line near Hollins Cove. The operator says services will not resume _before tomorrow_ at the earliest.',
        },
        {
          type: 'list',
          ordered: false,
          items: [
            'All Coast Line services: **suspended**',
            'Aldwater Bridge: closed to all traffic',
            'Ferries to the Skerry Isles: cancelled for the rest of the day',
            'Buses: replacement services are not running until winds drop',
          ],
        },
        {
          type: 'paragraph',
          text: 'Check [live travel updates](https://travel.example.com/westmere) before setting out.',
        },
      ],
    }),

    post(128, {
      title: 'Red warning issued: "danger to life"',
      label: 'key-event',
      keyEvent: true,
      contributors: [AMIRA],
      body: [
        {
          type: 'paragraph',
          text: 'The Westmere Weather Centre has raised its warning to **red**, the highest level, for the coast between Port Aldwick and Saltmarsh. It means flying debris and large waves pose a _danger to life_.',
        },
        {
          type: 'paragraph',
          text: 'The warning stays in force for the next 12 hours. People are being urged not to travel and to stay away from the seafront.',
        },
        {
          type: 'quote',
          text: 'Please do not go to the coast to watch the waves. Conditions can change in seconds.',
          cite: 'Aldwick Coastguard',
        },
      ],
    }),

    post(115, {
      title: 'Flood water rises in Old Town streets',
      contributors: [PRIYA, TOM],
      body: [
        {
          type: 'paragraph',
          text: 'Water is now knee-deep on parts of **Fish Row** and Chandlers Lane, the narrow streets behind the harbour. Firefighters are pumping out basements and helping residents carry belongings upstairs.',
        },
        {
          type: 'image',
          src: img('flooded-street'),
          alt: 'Terraced houses on a flooded street, with water up to the doorsteps and a car half submerged',
          caption: 'Fish Row in the Old Town, sent in by a reader',
          credit: 'Reader photo',
        },
        {
          type: 'paragraph',
          text: 'Are you affected? If it is safe to do so, send us your pictures and videos at [newsdesk@example.org](mailto:newsdesk@example.org). Please do not put yourself in danger.',
        },
      ],
    }),

    post(101, {
      title: 'Lifeboat crew rescues three from stricken fishing boat',
      label: 'breaking',
      contributors: [TOM],
      body: [
        {
          type: 'paragraph',
          text: 'Three fishermen have been rescued after their boat lost power about two miles off Aldwick Point. The coastguard says all three are cold but unhurt.',
        },
        {
          type: 'image',
          src: img('lifeboat-rescue'),
          alt: 'An orange lifeboat cutting through heavy seas towards a small fishing boat',
          caption: 'The Port Aldwick lifeboat was launched in seas of up to six metres',
          credit: 'Aldwick Coastguard',
        },
        {
          type: 'embed',
          url: 'https://social.example.com/@AldwickCoastguard/posts/10234',
          caption: 'The coastguard shared footage of the rescue',
        },
      ],
    }),

    post(88, {
      title: 'About 18,000 homes without power',
      contributors: [CALLUM],
      body: [
        {
          type: 'paragraph',
          text: 'Coastline Power Networks says about **18,000** homes across Westmere have lost power, most of them in and around Port Aldwick, after falling trees brought down overhead lines.',
        },
        {
          type: 'image',
          src: img('power-crew'),
          alt: 'Engineers in high-visibility jackets working on a power line from a raised platform',
        },
        {
          type: 'paragraph',
          text: 'Engineers are standing by but cannot safely work at height until gusts drop below 50mph. Customers who rely on medical equipment should call the priority line: the number is in the pinned post at the top of this page.',
        },
      ],
    }),

    post(72, {
      title: 'Major incident declared in Port Aldwick',
      label: 'breaking',
      keyEvent: true,
      contributors: [RUTH],
      body: [
        {
          type: 'paragraph',
          text: 'Westmere Council has declared a **major incident**, allowing it to call in extra help from neighbouring councils and the emergency services.',
        },
        {
          type: 'video',
          src: 'https://video.example.org/press-conference.mp4',
          poster: img('press-briefing'),
          caption: 'Watch: council leader Martin Threlfall explains why a major incident was declared',
        },
        {
          type: 'quote',
          text: 'This is the most serious flooding our town has seen in a generation. Our priority tonight is keeping people safe.',
          cite: 'Cllr Martin Threlfall, leader of Westmere Council',
        },
        {
          type: 'paragraph',
          text: 'Three rest centres are open, at the Leisure Centre, St Brendan’s School and the Harbour Community Hall. See the [full list of rest centres](https://example.org/westmere/rest-centres).',
        },
      ],
    }),

    post(56, {
      title: 'Correction: school closures',
      label: 'correction',
      contributors: [ELEANOR],
      body: [
        {
          type: 'paragraph',
          text: 'In an earlier post we said that _all_ schools in Westmere would be closed tomorrow. In fact, the closures apply only to schools in **Port Aldwick and Saltmarsh**. Schools elsewhere in the county are expected to open as normal. We apologise for the error.',
        },
      ],
    }),

    post(41, {
      title: 'Why is Port Aldwick so exposed?',
      label: 'analysis',
      contributors: [JOSS],
      body: [
        {
          type: 'paragraph',
          text: 'Port Aldwick sits at the mouth of the River Aldwater, in a bay that faces straight into the prevailing storms. When strong winds push the sea into the bay at high tide, the river has nowhere to drain.',
        },
        { type: 'heading', text: 'Defences built for a different century' },
        {
          type: 'paragraph',
          text: 'Much of the harbour wall dates from the 1880s. A [council report published last year](https://example.org/westmere/coastal-defence-review) warned that parts of it would be overtopped in a storm of this strength _"more often than once a decade"_ by the 2040s.',
        },
        {
          type: 'list',
          ordered: false,
          items: [
            'Sea levels on this coast have risen by about 20cm since the wall was built',
            'Heavier winter rain means the river is often already high before a storm arrives',
            'A £40m upgrade has been approved, but work is not due to start for two years',
          ],
        },
        {
          type: 'paragraph',
          text: 'None of that will matter much to the people clearing out their kitchens tonight. But the question of how to protect the town will not go away when the wind drops.',
        },
      ],
    }),

    post(24, {
      title: 'Strongest gusts recorded so far',
      contributors: [AMIRA],
      body: [
        {
          type: 'paragraph',
          text: 'The Westmere Weather Centre has published the highest gusts measured so far across the county:',
        },
        {
          type: 'list',
          ordered: true,
          items: [
            'Aldwick Point: **92mph**',
            'Hollins Cove: 87mph',
            'Saltmarsh Harbour: 81mph',
            'Westmere Airport: 64mph',
          ],
        },
        {
          type: 'paragraph',
          text: 'The Aldwick Point figure is provisional but would be the highest gust recorded there since records began. Full data is on the [observations page](https://weather.example.com/westmere/observations).',
        },
      ],
    }),

    post(9, {
      title: 'Winds beginning to ease in the west, but "not over yet"',
      contributors: [AMIRA, TOM],
      body: [
        {
          type: 'paragraph',
          text: 'There are the first signs that the worst of the wind is passing, with gusts falling below 60mph at Hollins Cove in the last half hour.',
        },
        {
          type: 'paragraph',
          text: 'But forecasters warn that the next high tide, due overnight, could bring _further_ flooding to the Old Town, and the red warning remains in place. Here in Port Aldwick, police are still turning people back at the top of Quay Street.',
        },
        {
          type: 'paragraph',
          text: 'Stay with us: we will bring you the latest through the night.',
        },
      ],
    }),
  ];

  return {
    page: {
      slug: DEMO_SLUG,
      title: 'Storm batters Port Aldwick as major incident declared',
      description:
        'Live updates as a severe storm hits the coast of Westmere. This is demo content: Port Aldwick, the storm and everyone named here are fictional.',
      timeZone: 'Europe/London',
      locale: 'en-GB',
      summary: [
        'A **severe storm** has hit the Westmere coast, with gusts of up to **92mph** recorded at Aldwick Point',
        'A _red warning_ — danger to life — is in force, and Westmere Council has declared a **major incident**',
        'About 300 people have been evacuated from the seafront and parts of the Old Town are flooded',
        'Around **18,000 homes** are without power; engineers are waiting for the wind to drop',
        'Rest centres are open: see the [council’s list of rest centres](https://example.org/westmere/rest-centres)',
      ],
      featuredMedia: {
        type: 'image',
        src: img('harbour-storm'),
        alt: 'Waves breaking over the harbour wall and lighthouse at Port Aldwick beneath dark storm clouds',
        caption: 'Waves break over the harbour wall at Port Aldwick as the storm arrives',
        credit: 'Illustration: livepage demo',
      },
      state: 'live',
      createdAt: ago(190),
    },
    posts,
  };
}
