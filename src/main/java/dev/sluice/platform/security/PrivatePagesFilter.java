package dev.sluice.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The signed-in pages and their scripts are never reused from a browser's cache without asking the
 * server: without a {@code Cache-Control} header a browser may keep a page it fetched with a
 * session and show it again after sign-out, where its scripts then fail one by one instead of the
 * page sending the browser to sign in. {@code no-cache} still lets an unchanged file be answered
 * 304.
 */
// Async: a resource may answer from another thread (a question is answered after its commit).
@WebFilter(
    urlPatterns = {"/admin/*", "/chat/*"},
    asyncSupported = true)
public class PrivatePagesFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  static final String CACHE_CONTROL = "no-cache, private";

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    response.setHeader("Cache-Control", CACHE_CONTROL);
    chain.doFilter(request, response);
  }
}
