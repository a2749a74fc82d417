export { ConfigError, env, loadConfig } from './config';
export { createLogger, loggerOptions, scrubSecrets } from './logger';
export { hmacAuthenticator, LetterCodes } from './letter-codes';
export { within } from './within';
export { poolWaitReporter, type PoolWait } from './pool-waits';
