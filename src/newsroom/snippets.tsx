/** Saved post templates, inserted in one action: the composer starts again from the chosen one. */
import type { Snippet } from './types.js';

export function SnippetPicker({ snippets, onPick }: { snippets: Snippet[]; onPick: (s: Snippet) => void }) {
  return (
    <div class="nr-field nr-snippets">
      <label for="nr-snippet">Start from a snippet</label>
      <select
        id="nr-snippet"
        value=""
        onChange={(e) => {
          const picked = snippets.find((s) => s.id === (e.currentTarget as HTMLSelectElement).value);
          if (picked) onPick(picked);
        }}
      >
        <option value="">Choose a snippet…</option>
        {snippets.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
            {s.page ? '' : ' (newsroom)'}
          </option>
        ))}
      </select>
    </div>
  );
}
