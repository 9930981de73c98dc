CREATE TABLE `eval_summaries` (
	`iteration_id` integer NOT NULL,
	`dataset_id` integer NOT NULL,
	`summary` text NOT NULL,
	`kappa_with_previous` real,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`iteration_id`, `dataset_id`),
	FOREIGN KEY (`iteration_id`) REFERENCES `iterations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`dataset_id`) REFERENCES `datasets`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `judgment_groups` (
	`iteration_id` integer NOT NULL,
	`pair_id` integer NOT NULL,
	`good_position` text NOT NULL,
	`samples` integer NOT NULL,
	`correct` integer NOT NULL,
	`wrong` integer NOT NULL,
	`tie` integer NOT NULL,
	`unparsed` integer NOT NULL,
	`kept` integer NOT NULL,
	`filtered_wrong` integer NOT NULL,
	`surplus` integer NOT NULL,
	`below_majority` integer NOT NULL,
	`balanced_out` integer NOT NULL,
	PRIMARY KEY(`iteration_id`, `pair_id`, `good_position`),
	FOREIGN KEY (`iteration_id`) REFERENCES `iterations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `judgment_groups_share_idx` ON `judgment_groups` (`iteration_id`,"correct" * 1.0 / "samples",`pair_id`,`good_position`);--> statement-breakpoint
CREATE TABLE `judgment_tallies` (
	`iteration_id` integer NOT NULL,
	`outcome` text NOT NULL,
	`truncated` integer NOT NULL,
	`judgments` integer NOT NULL,
	`prompt_tokens` integer NOT NULL,
	`completion_tokens` integer NOT NULL,
	PRIMARY KEY(`iteration_id`, `outcome`, `truncated`),
	FOREIGN KEY (`iteration_id`) REFERENCES `iterations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
DROP INDEX `judgments_iteration_outcome_idx`;--> statement-breakpoint
DROP INDEX `judgments_iteration_group_idx`;--> statement-breakpoint
DROP INDEX `eval_judgments_iteration_outcome_idx`;--> statement-breakpoint
CREATE INDEX `eval_judgments_iteration_outcome_idx` ON `eval_judgments` (`iteration_id`,`outcome`,`truncated`,`prompt_tokens`,`completion_tokens`);--> statement-breakpoint
DROP INDEX `pairs_run_status_idx`;--> statement-breakpoint
CREATE INDEX `pairs_run_status_idx` ON `pairs` (`run_id`,`status`,`drop_reason`,`prompt_tokens`,`completion_tokens`);--> statement-breakpoint
CREATE INDEX `instruction_classifications_run_tokens_idx` ON `instruction_classifications` (`run_id`,`prompt_tokens`,`completion_tokens`);--> statement-breakpoint
INSERT INTO `judgment_tallies` (`iteration_id`, `outcome`, `truncated`, `judgments`, `prompt_tokens`, `completion_tokens`)
SELECT `iteration_id`, `outcome`, `truncated`, count(*), sum(`prompt_tokens`), sum(`completion_tokens`) FROM `judgments` GROUP BY `iteration_id`, `outcome`, `truncated`;
--> statement-breakpoint
INSERT INTO `judgment_groups` (`iteration_id`, `pair_id`, `good_position`, `samples`, `correct`, `wrong`, `tie`, `unparsed`,
	`kept`, `filtered_wrong`, `surplus`, `below_majority`, `balanced_out`)
SELECT `iteration_id`, `pair_id`, `good_position`, count(*), sum(`outcome` = 'correct'), sum(`outcome` = 'wrong'), sum(`outcome` = 'tie'),
	sum(`outcome` = 'unparsed'), coalesce(sum(`filter_status` = 'kept'), 0), coalesce(sum(`filter_status` = 'wrong'), 0), coalesce(sum(`filter_status` = 'surplus'), 0),
	coalesce(sum(`filter_status` = 'below_majority'), 0), coalesce(sum(`filter_status` = 'balanced_out'), 0)
FROM `judgments` GROUP BY `iteration_id`, `pair_id`, `good_position`;
