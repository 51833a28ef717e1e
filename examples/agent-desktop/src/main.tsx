import { systemClock } from '@switchboard/core';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './components/App';
import { config } from './config';
import { createTestWorld } from './testHook';
import { createWorld } from './world/createWorld';
import './styles.css';

// Test builds (`--mode test`) run on a virtual clock the test drives; production ones drop that code.
const world = config.testMode ? await createTestWorld(config) : createWorld(config, systemClock);

const root = document.getElementById('root');
if (!root) throw new RangeError('index.html has no #root element.');
createRoot(root).render(
  <StrictMode>
    <App world={world} />
  </StrictMode>,
);
