-- (after exact.lua and near.lua) KEYS: exact urls hash, exact fingerprints hash, this worker's pending
-- claims, then the near index's keys. ARGV: url, fingerprint ('' for none), the number of URL keys, the
-- URL keys, then the near index's arguments. One round trip for what is kept or an exact duplicate:
-- returns {reason, original} for an exact duplicate, {'kept'} once registered in both indexes (and
-- pending for this worker), or {'candidates', last id, url, signature, ...} for near candidates
-- registered after ``since``.
local n = tonumber(ARGV[3])
local reason, known = exact_find(n)
if reason then return {reason, known} end
local a = 4 + n
local last = tonumber(redis.call('GET', KEYS[5]) or 0)
local newer = near_find(4, a)
if #newer > 0 then return near_load(4, newer, {'candidates', last}) end
near_keep(4, a)
exact_keep(n)
return {'kept'}
