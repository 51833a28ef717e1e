import type { ScriptStep as Step } from '@switchboard/plugin-call-scripts';
import { useState, type SubmitEvent } from 'react';
import { useSession } from '../sessionContext';

/** The current step of a script: its prompt and the control its input asks for. */
export function ScriptStep({
  contactId,
  step,
  canGoBack,
}: {
  contactId: string;
  step: Step;
  canGoBack: boolean;
}) {
  const { desk, run } = useSession();
  const scripts = desk.plugin('callScripts');
  const [text, setText] = useState('');
  const answer = (value?: unknown) =>
    void run(() => {
      scripts.answer(contactId, value);
      setText('');
    });
  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    answer(step.input.kind === 'number' ? Number(text) : text);
  };
  const inputId = `step-${contactId}`;
  const { input } = step;

  return (
    <div className="script-step" role="group" aria-labelledby={`${inputId}-title`}>
      <p>
        <strong id={`${inputId}-title`}>{step.title}</strong>
        {step.required && <span className="tag">required</span>}
      </p>
      <p>{step.prompt}</p>
      <div className="actions">
        {input.kind === 'info' && (
          <button type="button" className="primary" onClick={() => answer()}>
            Done
          </button>
        )}
        {input.kind === 'confirm' && (
          <>
            <button type="button" onClick={() => answer(true)}>
              Yes
            </button>
            <button type="button" onClick={() => answer(false)}>
              No
            </button>
          </>
        )}
        {input.kind === 'choice' &&
          input.options.map((option) => (
            <button key={option.value} type="button" onClick={() => answer(option.value)}>
              {option.label}
            </button>
          ))}
        {canGoBack && (
          <button type="button" onClick={() => void run(() => scripts.back(contactId))}>
            Back
          </button>
        )}
      </div>
      {(input.kind === 'text' || input.kind === 'number') && (
        <form className="field-row" onSubmit={submit} aria-label={step.title}>
          <label htmlFor={inputId}>Answer</label>
          <input
            id={inputId}
            type={input.kind === 'number' ? 'number' : 'text'}
            required
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
          <button type="submit" className="primary">
            Next
          </button>
        </form>
      )}
    </div>
  );
}
