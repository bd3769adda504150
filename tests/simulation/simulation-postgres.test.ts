import { simulationSuite } from './simulation-suite';

simulationSuite('postgres');
