import type { Contact } from '@switchboard/core';
import { useSession } from '../sessionContext';
import { useStore } from '../useStore';
import { ScriptStep } from './ScriptStep';

/**
 * The guided call script of a contact (`@switchboard/plugin-call-scripts`): the assigned script
 * starts on accept; the agent may start another one, answers step by step, and sees the required
 * steps still open, which block completing the contact.
 */
export function ScriptPanel({ contact }: { contact: Contact }) {
  const { desk, run } = useSession();
  const scripts = desk.plugin('callScripts');
  const view = useStore(scripts).runs.get(contact.id);
  const id = contact.id;

  return (
    <section className="script" aria-labelledby={`script-${id}`}>
      <h3 id={`script-${id}`}>Script{view ? `: ${view.scriptName}` : ''}</h3>
      <div className="field-row">
        <label htmlFor={`script-pick-${id}`}>Run script</label>
        <select
          id={`script-pick-${id}`}
          value={view?.scriptId ?? ''}
          onChange={(event) => {
            const scriptId = event.target.value; // read now: React restores a controlled value
            void run(() => scripts.start(id, scriptId));
          }}
        >
          <option value="" disabled>
            Choose…
          </option>
          {scripts.scripts().map((script) => (
            <option key={script.id} value={script.id}>
              {script.name}
            </option>
          ))}
        </select>
      </div>
      {view && (
        <>
          {view.step ? (
            <ScriptStep contactId={id} step={view.step} canGoBack={view.canGoBack} />
          ) : (
            <p role="status">Script finished.</p>
          )}
          {view.path.length > 0 && (
            <ol className="script-path" aria-label="Steps done">
              {view.path.map((entry, index) => (
                <li key={`${entry.stepId}-${String(index)}`}>
                  {entry.title}: <span className="muted">{answerLabel(entry.answer)}</span>
                </li>
              ))}
            </ol>
          )}
          {view.blocker && (
            <p className="muted" aria-label="Required steps left">
              Required before completing:{' '}
              {view.outstanding.map((step) => step.title).join(', ') || view.blocker}
            </p>
          )}
        </>
      )}
    </section>
  );
}

/** An answer for people: booleans as yes and no. */
function answerLabel(answer: unknown): string {
  if (answer === true) return 'yes';
  if (answer === false) return 'no';
  return String(answer);
}
