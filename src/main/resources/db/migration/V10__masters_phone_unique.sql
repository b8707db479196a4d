-- Orders are handed to a master by phone, so one number must not name two masters.
CREATE UNIQUE INDEX masters_phone_uq ON masters (phone);
