-- A picture a client sent in a marketplace chat: the marketplace's address of its largest size. The
-- browser never gets this address (the content-security policy allows own-origin images only); it
-- loads the picture through GET /api/conversations/{id}/messages/{messageId}/image, which checks the
-- chat's city and fetches only from the configured image hosts.
ALTER TABLE messages ADD COLUMN image_url text CHECK (length(image_url) <= 2000);
