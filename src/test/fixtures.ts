/** Builders for realistic API bodies. */
export const aPage = (slug: string, extra: Record<string, unknown> = {}) => ({
  slug,
  title: `Storm coverage ${slug}`,
  description: 'Live updates as the storm reaches the coast.',
  summary: ['Winds of **90mph** recorded', 'Read the [Met advice](https://weather.example.org/advice)'],
  ...extra,
});

export const aPost = (title = 'Coastguard launches rescue', extra: Record<string, unknown> = {}) => ({
  title,
  contributors: [{ name: 'A. Reporter', role: 'Defence correspondent' }],
  body: [{ type: 'paragraph', text: 'Text with **bold**, _italic_ and [a link](https://example.org).' }],
  ...extra,
});
