-- The account's recovery secret: a phone wraps its data key with it (besides the PIN), so that
-- after "Quên mã PIN?" the same user, logged in again with the password, opens the data kept on
-- the phone and nothing unsent is lost. Made on the account's first login or session refresh.
ALTER TABLE users ADD COLUMN recovery_secret text;
