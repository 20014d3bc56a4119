-- Sticker codes (src/domain/householdCode.ts): one code, one live household, per commune. The push
-- checks it inside its transaction, which holds the commune's counter row, so two pushes cannot
-- both take a code; this index makes the check one lookup.
CREATE INDEX records_household_code ON records (commune_code, (data ->> 'code'))
  WHERE entity = 'household';
