export { resolveRedis, redisAnswers, deleteKeysWithPrefix, redisHowTo, RedisUnavailableError, DEFAULT_REDIS_URL, type ResolvedRedis } from './redis';
