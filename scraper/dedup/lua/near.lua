-- Functions over the near index's keys from KEYS[k] (ids by key, id counter, urls by id, signatures by
-- id, then one hash per band: bucket -> packed 4-byte ids) and its arguments from ARGV[a] (key, since,
-- url, signature, then one band hash per band). Candidates come back as url, signature pairs.
local function near_find(k, a)
  local own = tonumber(redis.call('HGET', KEYS[k], ARGV[a]) or 0)
  local since = tonumber(ARGV[a + 1])
  local seen, found = {[own] = true}, {}
  for i = k + 4, #KEYS do
    local bucket = redis.call('HGET', KEYS[i], ARGV[a + i - k])
    if bucket then
      for pos = 1, #bucket, 4 do
        local other = struct.unpack('>I4', bucket, pos)
        if other > since and not seen[other] then
          seen[other] = true
          table.insert(found, other)
        end
      end
    end
  end
  return found
end
local function near_load(k, found, reply)
  for _, other in ipairs(found) do
    table.insert(reply, redis.call('HGET', KEYS[k + 2], other) or false)
    table.insert(reply, redis.call('HGET', KEYS[k + 3], other) or false)
  end
  return reply
end
local function near_keep(k, a)
  local id = redis.call('HGET', KEYS[k], ARGV[a])
  if not id then
    id = redis.call('INCR', KEYS[k + 1])
    redis.call('HSET', KEYS[k], ARGV[a], id)
  end
  id = tonumber(id)
  redis.call('HSET', KEYS[k + 2], id, ARGV[a + 2])
  redis.call('HSET', KEYS[k + 3], id, ARGV[a + 3])
  local packed = struct.pack('>I4', id)
  for i = k + 4, #KEYS do
    local bucket = redis.call('HGET', KEYS[i], ARGV[a + i - k])
    if not bucket then
      redis.call('HSET', KEYS[i], ARGV[a + i - k], packed)
    elseif not string.find(bucket, packed, 1, true) then
      redis.call('HSET', KEYS[i], ARGV[a + i - k], bucket .. packed)
    end
  end
end
