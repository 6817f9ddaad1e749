/**
 * Admins set the newsroom's brand on reader pages (issue 13 item 1): site name, logo
 * (an upload or an address, through the media pipeline, which refuses SVG), accent
 * colour (the server refuses one readers could not read), font stack, footer links,
 * the publisher named in feeds and JSON-LD, and "Powered by livepage".
 */
import { useEffect, useState } from 'preact/hooks';
import { ApiError, messageOf } from './api.js';
import { atLeast, useApp } from './context.js';
import { Announcer, Checkbox, FormError, TextField } from './ui.js';

interface BrandSettings {
  siteName?: string;
  logo?: { src: string; width?: number; height?: number };
  accent?: string;
  accentDark?: string;
  fontStack?: string;
  footerLinks?: { label: string; url: string }[];
  publisherName?: string;
  poweredBy?: boolean;
}

interface BrandAnswer {
  settings: BrandSettings;
  brand: Required<Pick<BrandSettings, 'siteName' | 'publisherName' | 'poweredBy'>> & { accent: string | null; accentDark: string | null };
}

interface Form {
  siteName: string;
  publisherName: string;
  logo: string;
  accent: string;
  accentDark: string;
  fontStack: string;
  /** One link a line: `Label | https://…`. */
  footer: string;
  poweredBy: boolean;
}

const toForm = (s: BrandSettings, poweredBy: boolean): Form => ({
  siteName: s.siteName ?? '',
  publisherName: s.publisherName ?? '',
  logo: s.logo?.src ?? '',
  accent: s.accent ?? '',
  accentDark: s.accentDark ?? '',
  fontStack: s.fontStack ?? '',
  footer: (s.footerLinks ?? []).map((l) => `${l.label} | ${l.url}`).join('\n'),
  poweredBy,
});

/** Empty fields go back to the defaults (null); the footer's lines become links. */
export function brandPatch(f: Form, logo: BrandSettings['logo'] | null): Record<string, unknown> {
  const orNull = (v: string) => (v.trim() === '' ? null : v.trim());
  const links = f.footer
    .split('\n')
    .map((line) => line.split('|').map((p) => p.trim()))
    .filter(([label, url]) => label && url)
    .map(([label, url]) => ({ label: label!, url: url! }));
  return {
    siteName: orNull(f.siteName),
    publisherName: orNull(f.publisherName),
    logo,
    accent: orNull(f.accent),
    accentDark: orNull(f.accentDark),
    fontStack: orNull(f.fontStack),
    footerLinks: links.length ? links : null,
    poweredBy: f.poweredBy,
  };
}

interface Field {
  key: Exclude<keyof Form, 'poweredBy'>;
  label: string;
  hint?: string;
  /** The API's name for it, as its errors give it. */
  apiField: string;
}

/** The form's text fields, in order (the logo upload sits after the logo address). */
const FIELDS: Field[] = [
  { key: 'siteName', label: 'Site name', apiField: 'siteName' },
  { key: 'publisherName', label: 'Publisher', hint: 'Named in feeds and as the publisher search engines see; the site name when empty.', apiField: 'publisherName' },
  { key: 'logo', label: 'Logo address', hint: 'A PNG, JPEG, WebP or AVIF image (not SVG); the site name is its text alternative.', apiField: 'logo' },
  { key: 'accent', label: 'Accent colour', hint: '#rrggbb. Links and the Live badge; it must reach 4.5:1 contrast on white.', apiField: 'accent' },
  { key: 'accentDark', label: 'Accent colour on dark backgrounds', hint: '#rrggbb, for readers in dark mode; worked out from the accent when empty.', apiField: 'accentDark' },
  { key: 'fontStack', label: 'Font stack', hint: 'For example: Georgia, "Times New Roman", serif', apiField: 'fontStack' },
  { key: 'footer', label: 'Footer links', hint: 'One a line: Label | https://address', apiField: 'footerLinks' },
];

export function BrandSettingsPage() {
  const { api, me } = useApp();
  const [form, setForm] = useState<Form | null>(null);
  const [current, setCurrent] = useState<BrandSettings>({});
  const [error, setError] = useState<{ message: string; field?: string | undefined } | null>(null);
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    document.title = 'Brand – livepage newsroom';
    if (!atLeast(me.role, 'admin')) return;
    api
      .get<BrandAnswer>('/api/v1/brand')
      .then((r) => (setCurrent(r.settings), setForm(toForm(r.settings, r.brand.poweredBy))))
      .catch((e) => setError({ message: messageOf(e) }));
  }, []);
  if (!atLeast(me.role, 'admin'))
    return (
      <div class="nr-page">
        <h1 tabIndex={-1}>Brand</h1>
        <p>Only admins set the brand.</p>
      </div>
    );
  if (!form)
    return (
      <div class="nr-page">
        <h1 tabIndex={-1}>Brand</h1>
        <FormError message={error?.message ?? null} />
      </div>
    );
  const set = (k: keyof Form) => (v: string) => setForm({ ...form, [k]: v });
  const field = (f: Field) => (
    <TextField
      id={`nr-brand-${f.key}`}
      label={f.label}
      hint={f.hint}
      multiline={f.key === 'footer'}
      value={form[f.key] as string}
      onValue={set(f.key)}
      error={error?.field?.startsWith(f.apiField) ? error.message : undefined}
    />
  );

  const save = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      let logo: BrandSettings['logo'] | null = null;
      const src = form.logo.trim();
      if (src === current.logo?.src) logo = current.logo;
      else if (src) {
        // A logo from another address is imported through the media pipeline (it refuses SVG):
        // pages then serve it from this site, with no request to anyone else.
        const media = await api.send<{ src: string; width: number; height: number }>('POST', '/api/v1/media', { url: src });
        logo = { src: media.src, width: media.width, height: media.height };
      }
      const saved = await api.send<BrandAnswer>('PATCH', '/api/v1/brand', brandPatch(form, logo));
      setCurrent(saved.settings);
      setForm(toForm(saved.settings, saved.brand.poweredBy));
      setMessage('Brand saved: every reader page shows it within a second.');
    } catch (err) {
      setError({ message: messageOf(err), field: err instanceof ApiError ? err.field : undefined });
    } finally {
      setBusy(false);
    }
  };

  const upload = async (file: File) => {
    setError(null);
    const data = new FormData();
    data.append('file', file);
    try {
      const media = await api.upload<{ src: string; width: number; height: number }>('/api/v1/media', data, () => {}).done;
      setCurrent({ ...current, logo: { src: media.src, width: media.width, height: media.height } });
      setForm({ ...form, logo: media.src });
    } catch (err) {
      setError({ message: messageOf(err), field: 'logo.src' });
    }
  };

  return (
    <div class="nr-page">
      <h1 tabIndex={-1}>Brand</h1>
      <p class="nr-muted">How reader pages, feeds and search engines name this newsroom. Leave a field empty for the default.</p>
      <Announcer message={message} />
      <FormError message={error && !error.field ? error.message : null} />
      <form class="nr-form nr-brand" onSubmit={save}>
        {FIELDS.slice(0, 3).map((f) => field(f))}
        <div class="nr-field">
          <label for="nr-brand-logo-file">Or upload a logo</label>
          <input
            id="nr-brand-logo-file"
            type="file"
            accept="image/png,image/jpeg,image/webp,image/avif"
            onChange={(e) => {
              const file = (e.currentTarget as HTMLInputElement).files?.[0];
              if (file) void upload(file);
            }}
          />
        </div>
        {FIELDS.slice(3).map((f) => field(f))}
        <Checkbox id="nr-brand-powered" label='Show "Powered by livepage"' checked={form.poweredBy} onChecked={(v) => setForm({ ...form, poweredBy: v })} />
        <button type="submit" class="nr-button nr-button--primary" disabled={busy}>
          Save brand
        </button>
      </form>
    </div>
  );
}
