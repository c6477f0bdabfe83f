import type { OperationName, ParsedInputOf, ResultOf } from '../../shared/api';
import type { ServiceContext } from './context';

export type Handler<K extends OperationName> = (
  input: ParsedInputOf<K>,
  ctx: ServiceContext,
) => ResultOf<K> | Promise<ResultOf<K>>;

/** One handler per operation of the contract; the compiler checks none is missing. */
export type Handlers = { [K in OperationName]: Handler<K> };
