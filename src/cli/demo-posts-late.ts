/**
 * The demo story's last two hours (115 to 9 minutes ago): floods, a rescue, power cuts, a
 * major incident, a correction, an analysis, and the wind beginning to ease.
 */
import { AMIRA, CALLUM, ELEANOR, JOSS, PRIYA, RUTH, TOM, img, type DemoClock, type DemoPost } from './demo-kit.js';

export function stormPeaks({ post }: DemoClock): DemoPost[] {
  return [
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
}
