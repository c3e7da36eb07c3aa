import type { BaseLayoutProps } from "fumadocs-ui/layouts/shared";

/** Options shared by every layout: the navbar title. */
export function baseOptions(): BaseLayoutProps {
  return {
    nav: {
      title: (
        <>
          <span aria-hidden className="inline-block size-2.5 rounded-full bg-fd-primary" />
          NexisChat Docs
        </>
      ),
      url: "/docs",
    },
  };
}
