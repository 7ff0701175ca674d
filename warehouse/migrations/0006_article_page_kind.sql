-- Version 6: say what kind of page an article came from (article, photo or video; a photo
-- or video page's body is its captions). Articles loaded before were all read as stories.
ALTER TABLE articles ADD COLUMN IF NOT EXISTS page_kind VARCHAR;
UPDATE articles SET page_kind = 'article' WHERE page_kind IS NULL;
