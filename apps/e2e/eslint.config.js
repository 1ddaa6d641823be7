import { createConfig } from '@hanjiang/config/eslint';

export default createConfig(import.meta.dirname);
