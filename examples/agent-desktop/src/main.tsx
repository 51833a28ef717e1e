import { systemClock } from '@switchboard/core';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './components/App';
import { config } from './config';
import { createTestWorld } from './testHook';
import { createWorld } from './world/createWorld';
import './styles.css';

// Test builds (`vite build --mode test`) run on a virtual clock the test drives (see testHook.ts);
// other builds drop that branch and the testing code with it.
const world =
  import.meta.env.MODE === 'test'
    ? await createTestWorld(config)
    : createWorld(config, systemClock);

const root = document.getElementById('root');
if (!root) throw new RangeError('index.html has no #root element.');
createRoot(root).render(
  <StrictMode>
    <App world={world} />
  </StrictMode>,
);
