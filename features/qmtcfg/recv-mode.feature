@sub-option:recv/mode
Feature: AT+QMTCFG="recv/mode" — receiving mode of data from the server (spec 3.3.1)

  <msg_recv_mode>: 0 = messages reported as URCs, 1 = not reported as URCs (buffered);
  <msg_len_enable>: 0/1 whether the URC carries the payload length. Defaults lost (A8).
  Omitting the optional parameters queries the setting; giving them sets it, only while the
  client has no MQTT connection (ambiguity A10: this harness reads "connection created" as a
  successful AT+QMTOPEN, and a refused set as ERROR; a profile may read A10 otherwise).
  Every answer must come within 300 ms (spec 3.3.1 maximum response time).

  Rule: The query form reports the current setting

    @spec:3.3.1:recv/mode:query @spec:3.3.1:max-response-time @reboot
    Scenario: A freshly restarted module reports the default "recv/mode" setting
      Given the module has restarted
      When the host sends AT+QMTCFG="recv/mode",0
      Then the module answers:
        """
        +QMTCFG: "recv/mode",{default:msgRecvMode},{default:msgLenEnable}
        OK
        """

  Rule: The set form accepts exactly the documented values, and the query reports them back

    @spec:3.3.1:recv/mode:set @spec:3.3.1:recv/mode:query
    Scenario Outline: "recv/mode" set to <value> on client <idx> is reported back
      When the host sends AT+QMTCFG="recv/mode",<idx>,<value>
      Then the module answers OK
      When the host sends AT+QMTCFG="recv/mode",<idx>
      Then the module answers:
        """
        +QMTCFG: "recv/mode",<reported>
        OK
        """

      @spec:3.3.1:recv/mode:msg_recv_mode:range
      Examples: <msg_recv_mode> in range
        | idx | value | reported |
        | 0   | 0,1 | 0,1 |
        | 3   | 1,1 | 1,1 |

      @spec:3.3.1:recv/mode:msg_len_enable:range
      Examples: <msg_len_enable> in range
        | idx | value | reported |
        | 0   | 0,0 | 0,0 |
        | 3   | 0,1 | 0,1 |

    Scenario Outline: "recv/mode" set to <value> is refused with ERROR
      When the host sends AT+QMTCFG="recv/mode",0,<value>
      Then the module answers ERROR

      @spec:3.3.1:recv/mode:msg_recv_mode:range
      Examples: <msg_recv_mode> out of range or not a number
        | value |
        | 2,1 |
        | -1,1 |
        | x,1 |

      @spec:3.3.1:recv/mode:msg_len_enable:range
      Examples: <msg_len_enable> out of range or not a number
        | value |
        | 0,2 |
        | 0,-1 |
        | 0,x |

      @spec:3.3.1:recv/mode:set
      Examples: wrong number of parameters
        | value |
        | 0,1,1 |

  Rule: The setting cannot be changed while the client has an MQTT connection

    @spec:3.3.1:recv/mode:not-while-connected @reading:A10=error
    Scenario: "recv/mode" cannot be set on client 0 after AT+QMTOPEN succeeded
      Given client 0 has opened a network connection to the broker
      When the host sends AT+QMTCFG="recv/mode",0,1,1
      Then the module answers ERROR
