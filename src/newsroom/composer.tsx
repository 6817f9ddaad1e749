/**
 * The composer: title, rich-text body (Tiptap), label, contributors, key-event and pin
 * toggles, and the actions (Publish / Submit for review / Save draft / Schedule, or
 * Save changes when editing). Used for new posts and for editing a post in place.
 * It checks what it can before asking the API and shows the API's own errors next to
 * the field they name. With a scheduled time filled in, Schedule is the primary action
 * (Ctrl/Cmd+Enter) and Publish asks before going live now. An open preview follows
 * the edits.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { errorsFromApi, GoLiveNow, Preview, Shortcuts, usePageZone, zonedTime, type Errors } from './composer-parts.js';
import { ComposerActions, type ComposerAction } from './composer-actions.js';
import { ComposerOptions } from './composer-options.js';
import { pendingFree, type UploadTarget } from './image-uploads.js';
import { PostImages, usePhotoErrors } from './post-images.js';
import { checkFields, scheduledInstant, withTypedContributor, type PostAction, type PostFields, type TypedContributor } from './post-fields.js';
import type { Contributor, Label } from './types.js';
import { FieldError } from './ui.js';
import { useBodyEditor } from './use-body-editor.js';

export interface ComposerProps {
  /** Unique per composer on the page: element ids derive from it. */
  idPrefix: string;
  initial: PostFields;
  /** The buttons, in order; the first is the primary one, which Ctrl/Cmd+Enter presses. */
  actions: ComposerAction[];
  canPin: boolean;
  /** Said beside the Pin box, e.g. which post pinning this one would replace. */
  pinNote?: string | undefined;
  savedContributors: Contributor[];
  /** Called after every change (autosave). */
  onChange?: (fields: PostFields) => void;
  /** Does the action; an ApiError thrown is shown inline. */
  onAction: (action: PostAction, fields: PostFields) => Promise<void>;
  /** The post as readers would see it, as HTML from the reader renderer. */
  onPreview: (fields: PostFields) => Promise<string>;
  onCancel?: () => void;
  /** Where photos upload to (the page's media library): choosing, pasting and dropping files. */
  upload?: UploadTarget;
  /**
   * A quiet line under the buttons, e.g. "Saved in this browser". An empty string keeps
   * the line's place while there is nothing to say, so a note that comes later (autosave)
   * does not push what is below it, the shortcuts, from under the pointer.
   */
  note?: string;
  /** What the last action did, shown in the action bar where the journalist is looking. */
  done?: { message: string; url?: string | undefined } | null;
  /** Colleagues' bylines, added with one tap. */
  team?: Contributor[];
  /** Extra fields inside the folded options row (e.g. snippets, a correction note). */
  options?: ComponentChildren;
  children?: ComponentChildren;
}

/** Quiet time after the last change before an open preview is rendered again. */
const PREVIEW_SETTLE_MS = 600;

export function Composer(props: ComposerProps) {
  const { idPrefix: id } = props;
  const [title, setTitle] = useState(props.initial.title);
  const [label, setLabel] = useState<Label | ''>(props.initial.label);
  const [contributors, setContributors] = useState<Contributor[]>(props.initial.contributors);
  const [typed, setTyped] = useState<TypedContributor>({ name: '', role: '' });
  const [keyEvent, setKeyEvent] = useState(props.initial.keyEvent);
  const [pinned, setPinned] = useState(props.initial.pinned);
  const [scheduledFor, setScheduledFor] = useState(props.initial.scheduledFor);
  const [errors, setErrors] = useState<Errors>({});
  const photos = usePhotoErrors(id);
  const [busy, setBusy] = useState<PostAction | null>(null);
  const [preview, setPreview] = useState<{ html: string; stale: boolean } | null>(null);
  const [askNow, setAskNow] = useState(false);
  const [optionsOpen, setOptionsOpen] = useState(false);
  const zone = usePageZone();
  const mounted = useRef(true);
  const previewTimer = useRef<ReturnType<typeof setTimeout>>();
  const { holder, editorRef, editor, kit, linkRequest } = useBodyEditor({ id, content: props.initial.doc, upload: props.upload, onChange: () => changed() });

  // The latest values, for callbacks registered once (the editor's events).
  const latest = useRef({ title, label, contributors, typed, keyEvent, pinned, scheduledFor, props, preview });
  latest.current = { title, label, contributors, typed, keyEvent, pinned, scheduledFor, props, preview };
  /** The fields as they stand, a contributor still in the boxes included (they meant it). */
  const current = (): PostFields => {
    const l = latest.current;
    return {
      title: l.title,
      doc: editorRef.current?.getJSON() ?? props.initial.doc,
      label: l.label,
      contributors: withTypedContributor(l.contributors, l.typed).contributors,
      keyEvent: l.keyEvent,
      pinned: l.pinned,
      scheduledFor: l.scheduledFor,
    };
  };

  /** After every change: autosave, and an open preview renders again once typing pauses. */
  const changed = () => {
    // Autosave never keeps a photo still uploading: its address is this tab's alone.
    const fields = current();
    latest.current.props.onChange?.({ ...fields, doc: pendingFree(fields.doc) });
    photos.recheck(fields.doc);
    if (!latest.current.preview) return;
    setPreview((p) => (p ? { ...p, stale: true } : p));
    clearTimeout(previewTimer.current);
    previewTimer.current = setTimeout(() => void showPreview(true), PREVIEW_SETTLE_MS);
  };

  useEffect(
    () => () => {
      mounted.current = false;
      clearTimeout(previewTimer.current);
    },
    [],
  );

  useEffect(() => {
    if (editorRef.current) changed();
  }, [title, label, contributors, typed, keyEvent, pinned, scheduledFor]);

  const hasSchedule = props.actions.some((a) => a.action === 'schedule');
  // A time filled in on a new post means "later": Schedule becomes the primary action.
  const timed = hasSchedule && scheduledFor.trim() !== '' && props.actions[0]?.action === 'publish';
  const primary = timed ? 'schedule' : props.actions[0]?.action;

  async function run(action: PostAction, confirmed = false) {
    if (busy) return;
    if (action === 'publish' && timed && !confirmed) return setAskNow(true);
    setAskNow(false);
    const typedNow = withTypedContributor(latest.current.contributors, latest.current.typed);
    if (typedNow.problem) {
      setErrors({ contributors: typedNow.problem });
      setTimeout(() => document.getElementById(`${id}-contrib-name`)?.focus());
      return;
    }
    const fields = current();
    // Photos first: an upload not done or alt text missing is said at the photo itself.
    if (photos.stop(fields.doc)) return;
    const problems = checkFields(fields, action);
    if (problems.length > 0) {
      const next: Errors = {};
      for (const p of problems) next[p.field] = next[p.field] ? `${next[p.field]} ${p.message}` : p.message;
      setErrors(next);
      focusFirstInvalid(next);
      return;
    }
    // The typed contributor joins the list, as if "Add contributor" had been pressed.
    if (typedNow.contributors !== latest.current.contributors) {
      setContributors(typedNow.contributors);
      setTyped({ name: '', role: '' });
    }
    setErrors({});
    setBusy(action);
    try {
      await props.onAction(action, fields);
    } catch (e) {
      if (!mounted.current) return;
      const next = errorsFromApi(e, fields);
      setErrors(next);
      focusFirstInvalid(next);
    } finally {
      if (mounted.current) setBusy(null);
    }
  }

  function focusFirstInvalid(e: Errors) {
    if (e.contributors || e.scheduledFor) setOptionsOpen(true);
    // After the render that shows the messages.
    setTimeout(() => {
      if (e.title) document.getElementById(`${id}-title`)?.focus();
      else if (e.body) editorRef.current?.commands.focus();
      else if (e.scheduledFor) document.getElementById(`${id}-when`)?.focus();
    });
  }

  /** Renders the preview; `auto` (while typing) keeps quiet about problems and leaves the old one marked out of date. */
  async function showPreview(auto = false) {
    const fields = current();
    const problems = checkFields(fields, 'draft');
    if (problems.length > 0) {
      if (!auto) setErrors(Object.fromEntries(problems.map((p) => [p.field, p.message])));
      return;
    }
    try {
      const html = await latest.current.props.onPreview(fields);
      if (!mounted.current || (auto && !latest.current.preview)) return;
      if (!auto) setErrors({});
      setPreview({ html, stale: false });
    } catch (e) {
      if (mounted.current && !auto) setErrors(errorsFromApi(e, fields));
    }
  }

  return (
    <form
      class="nr-composer"
      noValidate
      onSubmit={(e) => e.preventDefault()}
      onKeyDownCapture={(e) => {
        // Ctrl/Cmd+Enter anywhere in the composer presses the primary button; it must win
        // over the editor's own Mod-Enter (a line break), hence the capture phase.
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && primary) {
          e.preventDefault();
          e.stopPropagation();
          void run(primary);
        }
      }}
    >
      <div class="nr-field">
        <label for={`${id}-title`}>Title</label>
        <input
          id={`${id}-title`}
          type="text"
          class="nr-composer__title"
          value={title}
          maxLength={200}
          autoComplete="off"
          aria-invalid={errors.title ? 'true' : undefined}
          aria-describedby={errors.title ? `${id}-title-error` : undefined}
          onInput={(e) => setTitle((e.currentTarget as HTMLInputElement).value)}
          onKeyDown={(e) => {
            // Enter in the title moves on to the body rather than sending the form.
            if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey) {
              e.preventDefault();
              editorRef.current?.commands.focus('start');
            }
          }}
        />
        <FieldError id={`${id}-title-error`} message={errors.title} />
      </div>

      <div class="nr-field nr-editor">
        <span class="nr-label" id={`${id}-body-label`} onClick={() => editorRef.current?.commands.focus()}>
          Body
        </span>
        {editor && kit && <kit.Toolbar editor={editor} idPrefix={id} linkRequest={linkRequest} upload={props.upload} />}
        <div class={`nr-editor__frame${errors.body ? ' nr-editor__frame--invalid' : ''}`} id={`${id}-body`} ref={holder} />
        <FieldError id={`${id}-body-error`} message={errors.body} />
        {editor && <PostImages editor={editor} idPrefix={id} errors={photos.errors} upload={props.upload} />}
      </div>

      <ComposerOptions
        id={id}
        open={optionsOpen}
        onOpen={setOptionsOpen}
        label={label}
        onLabel={setLabel}
        contributors={contributors}
        onContributors={setContributors}
        typed={typed}
        onTyped={setTyped}
        savedContributors={props.savedContributors}
        team={props.team ?? []}
        keyEvent={keyEvent}
        onKeyEvent={setKeyEvent}
        pinned={pinned}
        canPin={props.canPin}
        onPinned={setPinned}
        pinNote={props.pinNote}
        scheduledFor={scheduledFor}
        canSchedule={hasSchedule}
        onScheduledFor={setScheduledFor}
        timed={timed}
        errors={errors}
      >
        {props.options}
      </ComposerOptions>

      {props.children}
      <ComposerActions
        actions={props.actions}
        primary={primary}
        busy={busy}
        error={errors.form}
        done={props.done}
        onRun={(a) => void run(a)}
        onPreview={() => void showPreview()}
        onCancel={props.onCancel}
      />
      {askNow && (
        <GoLiveNow
          when={zonedTime(scheduledInstant(scheduledFor), zone)}
          onYes={() => void run('publish', true)}
          onKeep={() => {
            setAskNow(false);
            document.getElementById(`${id}-when`)?.focus();
          }}
        />
      )}
      {props.note !== undefined && <p class="nr-composer__note">{props.note}</p>}
      <Shortcuts />
      {preview !== null && <Preview {...preview} onClose={() => (clearTimeout(previewTimer.current), setPreview(null))} />}
    </form>
  );
}

