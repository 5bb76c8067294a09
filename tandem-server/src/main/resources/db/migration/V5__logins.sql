-- Login throttling (docs/server.md#logins): failed password logins counted per account and per client
-- address, so every instance on this database sees the same counts and a restart does not reset them.
create table login_throttle (
    key           text primary key,            -- 'account:<user name>' or 'address:<client address>'
    failures      integer not null,            -- consecutive failures since the last success or quiet period
    last_failure  timestamptz not null,
    locked_until  timestamptz                  -- no login through this key before this instant
);
