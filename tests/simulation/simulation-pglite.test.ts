import { simulationSuite } from './simulation-suite';

simulationSuite('pglite');
