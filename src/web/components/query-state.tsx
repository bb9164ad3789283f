/** Loading and error states for server data, the same on every screen. */
import type { ReactNode } from "react";
import { Button } from "./buttons";

export function Loading({ what }: { what: string }) {
  return (
    <p role="status" className="text-lg">
      Loading {what}…
    </p>
  );
}

export function LoadError({ error, retry }: { error: Error; retry: () => void }) {
  return (
    <div role="alert" className="border-4 border-red-700 p-4">
      <h2 className="text-xl font-bold">Sorry, this could not be loaded</h2>
      <p className="mt-2">{error.message}</p>
      <Button variant="secondary" className="mt-4" onClick={retry}>
        Try again
      </Button>
    </div>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="border-2 border-dashed border-slate-300 p-6 text-lg">{children}</p>;
}
