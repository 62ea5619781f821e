-- KEYS[1] the URLs reported (URL key -> duplicate_of), KEYS[2] this worker's pending claims; ARGV[1] the
-- URL key, ARGV[2] duplicate_of. Returns 1 (and the claim is pending until the line is written) the
-- first time the URL is reported, else 0.
if redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[2]) == 0 then return 0 end
redis.call('HSET', KEYS[2], ARGV[1], 'reported')
return 1
