// Package assets holds what is embedded in the binary: the application
// icon and the zh-CN and en translations of every user-visible string.
package assets
