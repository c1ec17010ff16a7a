/**
 * Every exercise type's item and answer schemas, in one list each: the pack format's item union
 * (`pack/schema.ts`) and the contract's answer union (`answers.ts`) are built from these. The
 * renderer imports this file only for types, so it bundles no zod.
 */
import { ClassifyAnswer, ClassifyItem } from './classify.schema';
import { FindAnswer, FindItem } from './find.schema';
import { HeadlineAnswer, HeadlineItem } from './headline.schema';
import { NumbersAnswer, NumbersItem } from './numbers.schema';
import { SourceAnswer, SourceItem } from './source.schema';

export const ITEM_SCHEMAS = [ClassifyItem, FindItem, SourceItem, HeadlineItem, NumbersItem] as const;
export const ANSWER_SCHEMAS = [ClassifyAnswer, FindAnswer, SourceAnswer, HeadlineAnswer, NumbersAnswer] as const;
