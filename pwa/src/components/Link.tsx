import type { ComponentChildren } from "preact";
import { navigate } from "../state/route";

interface LinkProps {
  href: string;
  class?: string;
  testid?: string;
  /** "page" on the navigation entry of the screen shown. */
  current?: "page" | undefined;
  children: ComponentChildren;
}

/** An in-app link: a real <a href> (new tab, copy link work), navigated without a reload. */
export function Link({ href, class: className, testid, current, children }: LinkProps) {
  return (
    <a
      href={href}
      class={className}
      data-testid={testid}
      aria-current={current}
      onClick={(event) => {
        if (event.defaultPrevented || event.button !== 0) return;
        if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
        event.preventDefault();
        navigate(href);
      }}
    >
      {children}
    </a>
  );
}
