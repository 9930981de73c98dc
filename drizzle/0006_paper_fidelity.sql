DROP INDEX `training_examples_iteration_pair_position_unique`;--> statement-breakpoint
ALTER TABLE `training_examples` ADD `combo_index` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `training_examples_iteration_pair_position_combo_unique` ON `training_examples` (`iteration_id`,`pair_id`,`good_position`,`combo_index`);--> statement-breakpoint
ALTER TABLE `judgment_groups` ADD `no_rejected` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `pairs` ADD `good_source` text DEFAULT 'generated' NOT NULL;--> statement-breakpoint
-- Runs stored before these settings existed were made with the lenient verdict rule and trained
-- each judge from the previous one: record that in their config snapshots, so they keep saying
-- (and doing, when resumed) what they did.
UPDATE `runs` SET `config` = json_set(`config`, '$.judging.verdictRule', 'lenient') WHERE json_extract(`config`, '$.judging.verdictRule') IS NULL;--> statement-breakpoint
UPDATE `runs` SET `config` = json_set(`config`, '$.evaluation.verdictRule', 'lenient') WHERE json_extract(`config`, '$.evaluation') IS NOT NULL AND json_extract(`config`, '$.evaluation.verdictRule') IS NULL;--> statement-breakpoint
UPDATE `runs` SET `config` = json_set(`config`, '$.training.base', 'previous') WHERE json_extract(`config`, '$.training.base') IS NULL;
