// The loop (docs/loop.md): impressions by recommendation id (idempotent reports), experiments by key,
// campaigns by id; lookups of attributed events and impressions per experiment, campaign and day.
CREATE CONSTRAINT impression_rec IF NOT EXISTS FOR (p:Impression) REQUIRE p.recId IS UNIQUE;
CREATE CONSTRAINT experiment_key IF NOT EXISTS FOR (x:Experiment) REQUIRE x.key IS UNIQUE;
CREATE CONSTRAINT campaign_id IF NOT EXISTS FOR (c:Campaign) REQUIRE c.id IS UNIQUE;
CREATE INDEX impression_experiment IF NOT EXISTS FOR (p:Impression) ON (p.experiment);
CREATE INDEX impression_campaign IF NOT EXISTS FOR (p:Impression) ON (p.campaign);
CREATE INDEX impression_day IF NOT EXISTS FOR (p:Impression) ON (p.day);
CREATE INDEX event_rec_experiment IF NOT EXISTS FOR (e:Event) ON (e.recExperiment);
CREATE INDEX event_rec_campaign IF NOT EXISTS FOR (e:Event) ON (e.recCampaign);
