/** API tokens: everyone creates and revokes their own (admins see everyone's). A new token is shown once. */
import { useEffect, useState } from 'preact/hooks';
import { messageOf } from './api.js';
import { useApp } from './context.js';
import type { TokenInfo } from './types.js';
import { Announcer, FormError, TextField, Time } from './ui.js';

export function Tokens() {
  const { api } = useApp();
  const [tokens, setTokens] = useState<TokenInfo[] | null>(null);
  const [name, setName] = useState('');
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  const load = () =>
    api
      .get<{ tokens: TokenInfo[] }>('/api/v1/tokens')
      .then((r) => setTokens(r.tokens))
      .catch((e) => setError(messageOf(e)));
  useEffect(() => {
    document.title = 'API tokens – livepage newsroom';
    void load();
  }, []);
  const create = async () => {
    setError(null);
    try {
      const r = await api.send<{ token: string; name: string }>('POST', '/api/v1/tokens', name.trim() ? { name: name.trim() } : {});
      setCreated(r);
      setName('');
      await load();
    } catch (e) {
      setError(messageOf(e));
    }
  };
  const revoke = async (t: TokenInfo) => {
    setError(null);
    try {
      await api.send('DELETE', `/api/v1/tokens/${t.id}`);
      setMessage(`Token “${t.name}” was revoked.`);
      await load();
    } catch (e) {
      setError(messageOf(e));
    }
  };
  return (
    <div class="nr-page">
      <h1 tabIndex={-1}>API tokens</h1>
      <p class="nr-muted">Tokens let scripts and other systems use the API as you: send them as Authorization: Bearer ….</p>
      <Announcer message={message} />
      <section class="nr-card" aria-labelledby="nr-new-token">
        <h2 id="nr-new-token">Create a token</h2>
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void create();
          }}
        >
          <TextField id="nr-token-name" label="Token name" hint="What it is for, e.g. wire importer." value={name} onValue={setName} maxLength={100} />
          <button type="submit" class="nr-button nr-button--primary">
            Create token
          </button>
        </form>
        {created && (
          <div class="nr-secret" role="status">
            <p>Your new token “{created.name}”. Copy it now: it is shown only once.</p>
            <input class="nr-secret__value" readOnly value={created.token} aria-label="New API token" onFocus={(e) => (e.currentTarget as HTMLInputElement).select()} />
          </div>
        )}
      </section>
      <FormError message={error} />
      {tokens && tokens.length === 0 && <p class="nr-muted">No tokens yet.</p>}
      {tokens && tokens.length > 0 && (
        <ul class="nr-tokens">
          {tokens.map((t) => (
            <li key={t.id} class={`nr-token${t.revokedAt ? ' nr-token--revoked' : ''}`}>
              <span>
                <strong>{t.name}</strong> <span class="nr-muted">· {t.userName} · <Time iso={t.createdAt} prefix="created" /></span>
                {t.revokedAt && (
                  <span class="nr-tag">
                    {' '}
                    <Time iso={t.revokedAt} prefix="Revoked" />
                  </span>
                )}
              </span>
              {!t.revokedAt && (
                <button type="button" class="nr-button" aria-label={`Revoke ${t.name}`} onClick={() => void revoke(t)}>
                  Revoke
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
