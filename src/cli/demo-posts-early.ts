/**
 * The demo story's first hour and a half (182 to 128 minutes ago): the storm arrives,
 * safety advice is pinned, the seafront is evacuated, trains stop, a red warning.
 */
import { AMIRA, CALLUM, ELEANOR, TOM, img, type DemoClock, type DemoPost } from './demo-kit.js';

export function stormArrives({ post, ago }: DemoClock): DemoPost[] {
  return [
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
  ];
}
