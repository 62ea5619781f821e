-- Functions over the exact index: KEYS[1] url keys hash, KEYS[2] fingerprints hash, KEYS[3] this worker's
-- pending claims (URL key -> 'kept' until the article is written); ARGV[1] url, ARGV[2] fingerprint ('' for
-- none), ARGV[3] the number n of URL keys, ARGV[4..3+n] the keys (ARGV[4]: the URL's own).
local function exact_find(n)
  for i = 3 + n, 4, -1 do
    local known = redis.call('HGET', KEYS[1], ARGV[i])
    if known then return 'same_canonical', known end
  end
  if ARGV[2] ~= '' then
    local known = redis.call('HGET', KEYS[2], ARGV[2])
    if known then return 'same_body', known end
  end
  return nil
end
local function exact_keep(n)
  if ARGV[2] ~= '' then redis.call('HSET', KEYS[2], ARGV[2], ARGV[1]) end
  for i = 4, 3 + n do redis.call('HSET', KEYS[1], ARGV[i], ARGV[1]) end
  redis.call('HSET', KEYS[3], ARGV[4], 'kept')
end
