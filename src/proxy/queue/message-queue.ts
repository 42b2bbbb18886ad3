import {
  QueueClient,
  RestError,
  StorageSharedKeyCredential,
  type StoragePipelineOptions,
} from '@azure/storage-queue';
import { ApiError } from '../http/api-error';
import type { StorageAuth } from '../storage/sas-signer';

// The one wrapper of Azure Storage Queues (@azure/storage-queue). A message is a token for one
// queue entry of the operations index; the entry, not the message, holds the order and the state
// (docs/proxy.md, "Queue and monitor"). The queue is created on first use, like the index's table,
// so a proxy whose queue service is briefly down still starts.

export interface MessageQueueOptions {
  accountName: string;
  /** `https://<account>.queue.core.windows.net`, or Azurite's `http://127.0.0.1:<port>/<account>`. */
  queueEndpoint: string;
  queueName: string;
  auth: StorageAuth;
  pipeline?: Pick<StoragePipelineOptions, 'retryOptions'>;
}

export interface ReceivedMessage {
  messageId: string;
  popReceipt: string;
  text: string;
  insertedOn: Date;
  dequeueCount: number;
}

export interface MessageQueue {
  send(text: string): Promise<void>;
  /** Up to `max` messages, each invisible to every other receiver for `visibilitySeconds`. */
  receive(max: number, visibilitySeconds: number): Promise<ReceivedMessage[]>;
  /** Keeps a received message invisible for `visibilitySeconds` more; answers its new receipt. */
  extend(message: ReceivedMessage, visibilitySeconds: number): Promise<string>;
  /** Deletes a received message; one already gone (another receiver deleted it) is fine. */
  remove(message: ReceivedMessage): Promise<void>;
}

export function createMessageQueue(options: MessageQueueOptions): MessageQueue {
  const url = `${options.queueEndpoint.replace(/\/+$/, '')}/${options.queueName}`;
  const credential =
    options.auth.kind === 'sharedKey'
      ? new StorageSharedKeyCredential(options.accountName, options.auth.accountKey)
      : options.auth.credential;
  const client = new QueueClient(url, credential, options.pipeline);
  let ready: Promise<unknown> | undefined;
  const call = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      ready ??= client.createIfNotExists().catch((error: unknown) => {
        ready = undefined;
        throw error;
      });
      await ready;
      return await work();
    } catch (error) {
      if (error instanceof ApiError) throw error;
      throw new ApiError(
        503,
        'QUEUE_UNAVAILABLE',
        'The storage queue of waiting operations did not answer; try again in a moment.',
        { storageStatus: error instanceof RestError ? error.statusCode : undefined },
      );
    }
  };
  return {
    async send(text) {
      // -1: the message never expires; a queued import may wait behind jobs for days.
      await call(() => client.sendMessage(text, { messageTimeToLive: -1 }));
    },
    async receive(max, visibilitySeconds) {
      const response = await call(() =>
        client.receiveMessages({ numberOfMessages: max, visibilityTimeout: visibilitySeconds }),
      );
      return response.receivedMessageItems.map((item) => ({
        messageId: item.messageId,
        popReceipt: item.popReceipt,
        text: item.messageText,
        insertedOn: item.insertedOn,
        dequeueCount: item.dequeueCount,
      }));
    },
    async extend(message, visibilitySeconds) {
      const response = await call(() =>
        client.updateMessage(message.messageId, message.popReceipt, undefined, visibilitySeconds),
      );
      return response.popReceipt ?? message.popReceipt;
    },
    async remove(message) {
      await call(async () => {
        try {
          await client.deleteMessage(message.messageId, message.popReceipt);
        } catch (error) {
          if (!(error instanceof RestError && error.statusCode === 404)) throw error;
        }
      });
    },
  };
}

/** Azure's queue endpoint for an account whose blob endpoint follows Azure's naming. */
export function defaultQueueEndpoint(blobEndpoint: string): string | undefined {
  const url = new URL(blobEndpoint);
  if (!url.hostname.includes('.blob.')) return undefined;
  return `${url.protocol}//${url.hostname.replace('.blob.', '.queue.')}`;
}
