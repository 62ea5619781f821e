-- (after exact.lua) Returns {reason, duplicate_of}, or nil after registering the article as kept.
local n = tonumber(ARGV[3])
local reason, known = exact_find(n)
if reason then return {reason, known} end
exact_keep(n)
return false
