import { createDesk } from '@switchboard/core';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { effectScope } from 'vue';
import { StatusButton } from '../src/react/StatusButton';
import { useDesk } from '../src/vue/useDesk';

// The recipes docs/recipes.md imports: what they render and when they stop listening.

describe('the React recipe', () => {
  it('shows the agent’s status from the desk’s snapshot', async () => {
    const desk = createDesk({ agent: { id: 'ada', name: 'Ada' } });
    const render = () => renderToStaticMarkup(createElement(StatusButton, { desk }));
    expect(render()).toBe('<button type="button" aria-pressed="false">Not ready</button>');
    await desk.login();
    expect(render()).toBe('<button type="button" aria-pressed="true">Available</button>');
    await desk.dispose();
  });
});

describe('the Vue recipe', () => {
  it('follows the desk while its scope lives, and unsubscribes when it goes', async () => {
    const desk = createDesk({ agent: { id: 'ada', name: 'Ada' } });
    const scope = effectScope();
    const snapshot = scope.run(() => useDesk(desk));
    expect(snapshot?.value.agent.presence.status).toBe('offline');
    await desk.login();
    expect(snapshot?.value.agent.presence.status).toBe('available');
    scope.stop();
    await desk.setStatus({ status: 'notReady', reason: 'break' });
    expect(snapshot?.value.agent.presence.status).toBe('available');
    await desk.dispose();
  });
});
