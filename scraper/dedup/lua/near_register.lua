-- (after near.lua) Returns the last id given out, then nothing when the key was kept, else the
-- candidates registered after ``since``.
local last = tonumber(redis.call('GET', KEYS[2]) or 0)
local newer = near_find(1, 1)
if #newer > 0 then return near_load(1, newer, {last}) end
near_keep(1, 1)
return {last}
