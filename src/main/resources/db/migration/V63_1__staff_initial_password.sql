-- Accounts whose password was set by someone else (staff import): they must change it before any other use.
-- Written and read only by the identity module (PasswordChanges); a row is deleted when its user changes the password.
CREATE TABLE staff_initial_password (
  user_id    VARCHAR(64)  NOT NULL PRIMARY KEY,
  created_by VARCHAR(128) NOT NULL,
  created_at TIMESTAMP    NOT NULL
);
