-- Each integration has its own namespace of external order ids, so that one website key can
-- neither read nor pre-empt the orders of another integration (or of Avito chats).
-- A key belongs to an integration; a replacement key is created into its predecessor's.
ALTER TABLE api_keys ADD COLUMN integration_id bigint;
UPDATE api_keys SET integration_id = id;
ALTER TABLE api_keys ALTER COLUMN integration_id SET NOT NULL;

-- 'avito-chat' for orders made from a chat, 'api-key-<integration>' for website leads.
ALTER TABLE orders ADD COLUMN external_source text;
UPDATE orders o SET external_source = 'avito-chat', external_id = substring(o.external_id FROM 12)
WHERE o.external_id ~ '^avito-chat-[0-9]+$' AND EXISTS (SELECT 1 FROM conversations c WHERE c.order_id = o.id);
-- Website orders go to the integration of the key that created them (the audit row names it).
UPDATE orders o SET external_source = 'api-key-' || k.integration_id
FROM audit_log a JOIN api_keys k ON a.actor_login = 'api-key:' || k.name
WHERE o.external_source IS NULL AND o.external_id IS NOT NULL
  AND a.entity = 'order' AND a.action = 'create' AND a.entity_id = o.id::text;
UPDATE orders SET external_source = 'unknown' WHERE external_id IS NOT NULL AND external_source IS NULL;

ALTER TABLE orders DROP CONSTRAINT orders_external_id_key;
ALTER TABLE orders ADD CONSTRAINT orders_external_source_id_key UNIQUE (external_source, external_id);
ALTER TABLE orders ADD CONSTRAINT orders_external_source_with_id CHECK ((external_source IS NULL) = (external_id IS NULL));
