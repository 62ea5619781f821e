-- KEYS[1] the claims released by dead workers, KEYS[2] this worker's pending claims; ARGV[1] a URL key.
-- Returns 1 when a dead worker had claimed the URL (kept or reported) and never wrote it: the claim is
-- now this worker's, pending until it writes it; else 0.
local kind = redis.call('HGET', KEYS[1], ARGV[1])
if not kind then return 0 end
redis.call('HDEL', KEYS[1], ARGV[1])
redis.call('HSET', KEYS[2], ARGV[1], kind)
return 1
