CREATE TABLE "media_trash" (
	"storage_key" text PRIMARY KEY NOT NULL,
	"deleted_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "message_media_id_idx" ON "message" USING btree ("media_id") WHERE "message"."media_id" is not null;--> statement-breakpoint
-- Every deleted media row leaves its storage key behind for the sweeper, whatever deleted it
-- (an unsent upload swept, a workspace deleted with all its rows), in the same transaction.
CREATE FUNCTION "media_to_trash"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "media_trash" ("storage_key") VALUES (OLD."storage_key") ON CONFLICT DO NOTHING;
  RETURN OLD;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "media_to_trash" AFTER DELETE ON "media" FOR EACH ROW EXECUTE FUNCTION "media_to_trash"();
