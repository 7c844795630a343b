package clocale

import (
	"maps"
	"testing"
)

func TestApply(t *testing.T) {
	cases := []struct{ env, want map[string]string }{
		{map[string]string{"LANG": "C.UTF-8"}, map[string]string{"LANG": "C.UTF-8", "LC_MESSAGES": "C"}},
		{map[string]string{"LC_ALL": "C.UTF-8", "LANG": "zh_CN.UTF-8"}, map[string]string{"LC_CTYPE": "C.UTF-8", "LC_MESSAGES": "C", "LANG": "zh_CN.UTF-8"}},
		{map[string]string{"LC_MESSAGES": "POSIX.utf8"}, map[string]string{"LC_MESSAGES": "C"}},
		{map[string]string{"LANG": "C"}, map[string]string{"LANG": "C"}},
		{map[string]string{"LANG": "zh_CN.UTF-8"}, map[string]string{"LANG": "zh_CN.UTF-8"}},
		{map[string]string{"LC_ALL": "en_GB.UTF-8", "LANG": "C.UTF-8"}, map[string]string{"LC_ALL": "en_GB.UTF-8", "LANG": "C.UTF-8"}},
		{map[string]string{"LANG": "Chinese.UTF-8"}, map[string]string{"LANG": "Chinese.UTF-8"}},
		{map[string]string{}, map[string]string{}},
	}
	for _, c := range cases {
		env := maps.Clone(c.env)
		Apply(func(k string) string { return env[k] },
			func(k, v string) error { env[k] = v; return nil },
			func(k string) error { delete(env, k); return nil })
		if !maps.Equal(env, c.want) {
			t.Errorf("%v: became %v, want %v", c.env, env, c.want)
		}
	}
}
