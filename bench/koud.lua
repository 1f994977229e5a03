-- wrk script: every request a different URL, drawn from lists the benchmark writes into
-- `bench/opties.lua` (the database's real filter values, words from the stored texts, slugs).
-- Usage: wrk -s bench/koud.lua <url> -- <soort>   (soort: catalogus, zoeken, detail, warm)
package.path = package.path .. ";" .. (os.getenv("BENCH_OPTIES_MAP") or "bench") .. "/?.lua"
local opties = require("opties")

local teller = 0
function setup(thread)
  teller = teller + 1
  thread:set("nummer", teller)
end

local soort = "catalogus"
function init(args)
  soort = args[1] or "catalogus"
  math.randomseed(os.time() * 1000 + (nummer or 0) * 7919 + math.floor(os.clock() * 1e6))
end

local function kies(lijst)
  return lijst[math.random(#lijst)]
end

local function filters()
  local delen = {}
  local soorten = { "werkmodel", "provincie", "thema", "doelgroep" }
  local aantal = math.random(1, 3)
  for _ = 1, aantal do
    local naam = kies(soorten)
    table.insert(delen, naam .. "=" .. kies(opties[naam]))
  end
  return delen
end

local function catalogus()
  local delen = filters()
  table.insert(delen, "sorteer=" .. kies({ "nieuwste", "titel" }))
  local pagina = math.random(1, 50)
  if pagina > 1 then table.insert(delen, "pagina=" .. pagina) end
  return "/inspiraties/?" .. table.concat(delen, "&")
end

local function zoeken()
  local delen = { "q=" .. kies(opties.woorden) }
  if math.random() < 0.3 then delen[1] = delen[1] .. "+" .. kies(opties.woorden) end
  table.insert(delen, "sorteer=" .. kies({ "relevantie", "nieuwste", "titel" }))
  if math.random() < 0.3 then table.insert(delen, "pagina=" .. math.random(2, 5)) end
  return "/inspiraties/?" .. table.concat(delen, "&")
end

local function detail()
  return "/inspiraties/" .. kies(opties.slugs) .. "/"
end

request = function()
  local pad
  if soort == "zoeken" then
    pad = zoeken()
  elseif soort == "detail" then
    pad = detail()
  elseif soort == "warm" then
    pad = kies(opties.warm)
  else
    pad = catalogus()
  end
  return wrk.format("GET", pad)
end
