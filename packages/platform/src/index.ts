export { ConfigError, env, loadConfig } from './config';
export { createLogger, loggerOptions, scrubSecrets } from './logger';
export { JOB, JOB_QUEUE, QUEUE, isJobName, type JobName, type QueueName } from './queues';
export { hmacAuthenticator, LetterCodes } from './letter-codes';
export { QueueInspector, type FailedJob, type QueueCounts } from './queue-inspector';
export { within } from './within';
