import type { AgentBoardRow } from '@switchboard/core';
import { useEffect, useState, type SubmitEvent } from 'react';
import { duration, percent } from '../format';
import { useSession } from '../sessionContext';
import { useStore } from '../useStore';
import { Alerts } from './Alerts';

/**
 * Queues and agents live, threshold alerts, and forcing an agent's status, from the supervisor
 * desk plugin (`@switchboard/plugin-supervisor`): its boards are what the `supervisor.queues` and
 * `supervisor.agents` actions return; it refreshes them on its own every five seconds, and here
 * also as soon as the centre changes.
 */
export function Supervisor() {
  const { world, desk } = useSession();
  const board = desk.plugin('supervisorDesk');
  const centre = useStore(world.center);
  useEffect(() => {
    board.refresh().catch(() => undefined); // a refusal shows as access denied in the snapshot
  }, [board, centre]);
  const snapshot = useStore(board);
  const queues = snapshot.queues;
  const agents = [...snapshot.agents].sort((a, b) => a.name.localeCompare(b.name));

  const reasonLabel = new Map(world.center.reasonCodes.map((code) => [code.code, code.label]));

  return (
    <section className="panel" aria-labelledby="supervisor-title">
      <h2 id="supervisor-title">Supervisor</h2>
      {snapshot.access === 'denied' && <p className="muted">Supervision needs the role.</p>}
      <Alerts alerts={snapshot.alerts} />
      <div className="scroll">
        <table>
          <caption>Queues</caption>
          <thead>
            <tr>
              <th scope="col">Queue</th>
              <th scope="col">Waiting</th>
              <th scope="col">Oldest</th>
              <th scope="col">Service level</th>
            </tr>
          </thead>
          <tbody>
            {queues.map((queue) => (
              <tr key={queue.queueId}>
                <th scope="row">{queue.name}</th>
                <td>{queue.waiting}</td>
                <td>{duration(queue.oldestWaitMs)}</td>
                <td>{percent(queue.serviceLevel === null ? null : queue.serviceLevel / 100)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="scroll">
        <table>
          <caption>Agents</caption>
          <thead>
            <tr>
              <th scope="col">Agent</th>
              <th scope="col">Status</th>
              <th scope="col">Contacts</th>
            </tr>
          </thead>
          <tbody>
            {agents.map((agent) => (
              <tr key={agent.agentId}>
                <th scope="row">{agent.name}</th>
                <td>
                  {agent.reason === null
                    ? presenceLabel[agent.status]
                    : (reasonLabel.get(agent.reason) ?? agent.reason)}{' '}
                  <span className="muted">{duration(agent.timeInStatusMs)}</span>
                </td>
                <td>{agent.contactIds.length}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ForceStatus agents={agents} />
    </section>
  );
}

const presenceLabel = { available: 'Available', notReady: 'Not ready', offline: 'Logged out' };

/** A supervisor sets an agent's status: through the desk's `supervisor.forceStatus` action. */
function ForceStatus({ agents }: { agents: readonly AgentBoardRow[] }) {
  const { desk, run } = useSession();
  const [picked, setAgentId] = useState('');
  // The boards fill on the plugin's first refresh: until a pick, the first agent listed.
  const agentId = picked || (agents[0]?.agentId ?? '');
  const [choice, setChoice] = useState('available');
  const force = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const [status, reason] = choice.split(':') as ['available' | 'notReady' | 'offline', string?];
    void run(() => desk.plugin('supervisorDesk').forceStatus({ agentId, status, reason }));
  };
  return (
    <form className="field-row wrap" aria-label="Force a status" onSubmit={force}>
      <select
        aria-label="Agent"
        value={agentId}
        onChange={(event) => setAgentId(event.target.value)}
      >
        {agents.map((agent) => (
          <option key={agent.agentId} value={agent.agentId}>
            {agent.name}
          </option>
        ))}
      </select>
      <select
        aria-label="New status"
        value={choice}
        onChange={(event) => setChoice(event.target.value)}
      >
        <option value="available">Available</option>
        <option value="notReady:meeting">Meeting</option>
        <option value="notReady:training">Training</option>
        <option value="offline">Logged out</option>
      </select>
      <button type="submit">Force status</button>
    </form>
  );
}
