-- Login names are unique per commune, no longer across the server (second security round, defect
-- 11): a leader creating an account learns nothing of other communes' accounts, and cannot take a
-- phone number another commune will need. A volunteer still logs in with a name and a password
-- alone: the server finds the one account of that name whose password matches, and asks for the
-- commune's code only when the same name and password open accounts of two communes.
ALTER TABLE usernames DROP CONSTRAINT usernames_pkey;
ALTER TABLE usernames ADD PRIMARY KEY (commune_code, username);
CREATE INDEX usernames_name ON usernames (username);
