// Customer understanding: saved segments by id (the IN_SEGMENT membership edges point at them).
CREATE CONSTRAINT segment_id IF NOT EXISTS FOR (s:Segment) REQUIRE s.id IS UNIQUE;
