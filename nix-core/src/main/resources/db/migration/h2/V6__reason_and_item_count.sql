-- Canonical form 2 (docs/traffic-integrity.md): why an exchange was refused, as a stable code finer than the
-- outcome (e.g. EXPIRED for CONSUMER_NOT_IDENTIFIED, HEADER_TOO_LARGE for a perimeter refusal), and how many
-- items a publication delivery carried. Codes and counts only: never a value taken from a request.
ALTER TABLE traffic_record ADD COLUMN reason VARCHAR(40);
ALTER TABLE traffic_record ADD COLUMN item_count INT;
